/**
 * JSON-P through one provider looked up once ({@link cn.edu.ntvu.workbench.platform.json.Jsons}).
 */
package cn.edu.ntvu.workbench.platform.json;
