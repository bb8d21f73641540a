package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link AjaxExceptionHandler}. */
public class AjaxExceptionHandlerFactory extends ExceptionHandlerFactory {
  public AjaxExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new AjaxExceptionHandler(getWrapped().getExceptionHandler());
  }
}
