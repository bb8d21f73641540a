package cn.edu.ntvu.workbench.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StoredFileResponseTest {
  /** What a servlet response was given: headers (content type under its own name) and the body. */
  private static final class Sent {
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletResponse response() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {}

            @Override
            public void write(int b) {
              body.write(b);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, m, args) -> {
                switch (m.getName()) {
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                  case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                  case "getOutputStream" -> {
                    return out;
                  }
                  default -> {}
                }
                return null;
              });
    }
  }

  private static Sent send(String name, byte[] bytes) throws IOException {
    Sent s = new Sent();
    StoredFileResponse.send(s.response(), name, "private, no-store", bytes);
    return s;
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void aPictureByItsBytesIsShownInlineWhateverItsName() throws IOException {
    Sent s = send("照片.pdf", png());
    assertThat(s.headers.get("Content-Type")).isEqualTo("image/png");
    assertThat(s.headers.get("Content-Disposition")).startsWith("inline; ");
    assertThat(s.headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(s.headers.get("Content-Security-Policy")).contains("sandbox");
    assertThat(s.body.toByteArray()).isEqualTo(png());
  }

  @Test
  void aPdfAndAnythingElseAreDownloadsEvenWhenNamedLikeAPicture() throws IOException {
    Sent pdf = send("病假条.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(pdf.headers.get("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.headers.get("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"___.pdf\"; filename*=UTF-8''%E7%97%85%E5%81%87%E6%9D%A1.pdf");
    assertThat(pdf.headers.get("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    assertThat(pdf.headers.get("X-Content-Type-Options")).isEqualTo("nosniff");

    Sent html =
        send("photo.jpg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(html.headers.get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(html.headers.get("Content-Disposition")).startsWith("attachment; ");
  }

  @Test
  void theNameIsRfc5987EncodedWithAPlainAsciiFallback() {
    assertThat(StoredFileResponse.disposition(false, "a b*c'd\"e;f.pdf"))
        .isEqualTo(
            "attachment; filename=\"a b*c'd_e;f.pdf\"; filename*=UTF-8''a%20b%2Ac%27d%22e%3Bf.pdf");
    assertThat(StoredFileResponse.rfc5987("x\r\n/\\%")).isEqualTo("x%0D%0A%2F%5C%25");
    assertThat(StoredFileResponse.asciiFallback("x\r\n")).isEqualTo("x__");
    assertThat(StoredFileResponse.disposition(true, null))
        .isEqualTo("inline; filename=\"file\"; filename*=UTF-8''file");
  }
}
