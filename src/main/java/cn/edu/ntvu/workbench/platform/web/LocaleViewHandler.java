package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Chinese by default, English when the browser asks for it. Faces alone would fall back to the
 * server's JVM locale (often en_US) for a browser that sends no Accept-Language.
 */
public class LocaleViewHandler extends ViewHandlerWrapper {
  public LocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    Object request = context.getExternalContext().getRequest();
    if (request instanceof HttpServletRequest http) {
      return RequestLocale.of(http);
    }
    return RequestLocale.CHINESE;
  }
}
