package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Development mode only (under /dev/, which is 404 in production): fails on purpose, so that the 500 page — a
 * reference id, never a stack trace — can be seen and tested.
 */
@WebServlet("/dev/fail")
public class DevFailureServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) {
    throw new IllegalStateException("deliberate failure for the error page (development mode)");
  }
}
