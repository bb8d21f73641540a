package cn.edu.ntvu.workbench.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application's only Jakarta REST application. All resources live under {@code /rest}, so that
 * later REST endpoints and the development WeCom stand-in ({@code /rest/standin/wecom}) share one
 * path instead of claiming several.
 */
@ApplicationPath("/rest")
public class RestApplication extends Application {}
