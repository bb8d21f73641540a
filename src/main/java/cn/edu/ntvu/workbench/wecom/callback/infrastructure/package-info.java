/** The callback's Token and EncodingAESKey from MicroProfile Config (secrets, never shown). */
package cn.edu.ntvu.workbench.wecom.callback.infrastructure;
