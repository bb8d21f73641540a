package cn.edu.ntvu.workbench.wecom.interfaces.web;

import cn.edu.ntvu.workbench.platform.files.StoredFileResponse;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import cn.edu.ntvu.workbench.wecom.application.DomainVerification;
import cn.edu.ntvu.workbench.wecom.domain.VerificationFile;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves uploaded {@code /WW_verify_<random>.txt} files at the site root, without sign-in (WeCom's
 * checker has no session; the route table makes the prefix public). A servlet mapping cannot
 * express "a root file whose name starts with", hence a filter; every other path passes untouched.
 */
public class VerificationFileFilter extends HttpFilter {
  private final transient DomainVerification files;

  public VerificationFileFilter(DomainVerification files) {
    this.files = files;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = CanonicalPath.of(req);
    if (!path.startsWith("/WW_verify_")) {
      chain.doFilter(req, res);
      return;
    }
    Optional<DomainVerification.Stored> file =
        VerificationFile.isRequestPath(path) ? files.find(path.substring(1)) : Optional.empty();
    byte[] body =
        file.map(f -> f.content().getBytes(StandardCharsets.UTF_8))
            .orElse("not found".getBytes(StandardCharsets.UTF_8));
    res.setStatus(file.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
    res.setContentType("text/plain;charset=UTF-8");
    res.setHeader("Cache-Control", "no-cache");
    // An admin's upload: never sniffed into HTML, never a document with scripts (WeCom's checker
    // reads the text).
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Security-Policy", StoredFileResponse.SANDBOX_POLICY);
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }
}
