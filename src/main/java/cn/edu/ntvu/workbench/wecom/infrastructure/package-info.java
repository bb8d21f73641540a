/**
 * The WeCom client's adapters: settings from MicroProfile Config (the agent, the callback's Token
 * and EncodingAESKey — secrets, never shown), the HTTP transport on the Jakarta REST client
 * (Payara's Jersey), the shared token store in table {@code wecom_credential}, and the CDI producer
 * that wires them into {@link cn.edu.ntvu.workbench.wecom.application.WeComClient}.
 */
package cn.edu.ntvu.workbench.wecom.infrastructure;
