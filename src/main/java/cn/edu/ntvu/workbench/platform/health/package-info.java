/**
 * Readiness for the load balancer ({@code /health/ready}): DOWN while the database cannot be
 * reached. Payara's own MicroProfile Health, Metrics and OpenAPI endpoints are off in production
 * (server-config).
 */
package cn.edu.ntvu.workbench.platform.health;
