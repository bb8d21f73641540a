package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class UploadLimitFilterTest {
  @Test
  void recognisesTheContainersSizeRejectionWhereverItIsWrapped() {
    ServletException rejected =
        new ServletException(
            "the request was rejected because its size (22020682) exceeds the configured maximum (22020096)");
    assertThat(
            UploadLimitFilter.tooLarge(
                new RuntimeException("Error in multipart initialization", rejected)))
        .isTrue();
    assertThat(UploadLimitFilter.tooLarge(new ServletException(new IllegalStateException("boom"))))
        .isFalse();
  }
}
