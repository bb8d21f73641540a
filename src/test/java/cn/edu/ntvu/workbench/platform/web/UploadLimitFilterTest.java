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

  /**
   * One file over max-file-size: Catalina's other message, which ended on the 500 page (issue 16).
   */
  @Test
  void recognisesOneFileOverTheFileLimitToo() {
    IllegalStateException field =
        new IllegalStateException(
            "org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException: The field"
                + " files exceeds its maximum permitted size of 41943040 bytes.");
    assertThat(UploadLimitFilter.tooLarge(new ServletException(field))).isTrue();
    assertThat(
            UploadLimitFilter.notMultipart(
                new ServletException(
                    "The request content-type is not a multipart/form-data", field)))
        .isFalse();
  }
}
