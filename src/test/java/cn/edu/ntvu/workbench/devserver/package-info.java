/**
 * The one-command developer run ({@code mvn -Prun}): MariaDB (embedded unless DB_URL is set) and
 * the packaged WAR on Payara Micro. Test scope only; never in the WAR.
 */
package cn.edu.ntvu.workbench.devserver;
