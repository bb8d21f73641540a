package cn.edu.ntvu.workbench.wecom.interfaces.web;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.application.JsSdkSigner;
import cn.edu.ntvu.workbench.wecom.domain.JsSdkSignature;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /rest/wecom/jssdk/signature?url=<page URL>} (signed-in people only, like every
 * non-public path): {@code {"corpId", "agentId", "config": {timestamp, nonceStr, signature},
 * "agentConfig": {…}}} for {@code ww.register}'s {@code getConfigSignature} and {@code
 * getAgentConfigSignature}. A URL outside this site answers 400; WeCom unreachable answers 503.
 * Never cached: a signature belongs to one moment.
 */
@Path("wecom/jssdk/signature")
@RequestScoped
public class JsSdkSignatureResource {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(JsSdkSignatureResource.class.getName());

  @Inject JsSdkSigner signer;

  @GET
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public Response signature(@QueryParam("url") String url) {
    Optional<JsSdkSigner.PageSignatures> signed;
    try {
      signed = signer.sign(url);
    } catch (WeComException | IllegalStateException e) {
      LOG.warning(() -> "JS-SDK signature not available: " + e.getMessage());
      return answer(
          Response.Status.SERVICE_UNAVAILABLE,
          Jsons.createObjectBuilder().add("error", "wecom unavailable"));
    }
    if (signed.isEmpty()) {
      return answer(
          Response.Status.BAD_REQUEST,
          Jsons.createObjectBuilder().add("error", "url is not a page of this site"));
    }
    JsSdkSigner.PageSignatures s = signed.get();
    return answer(
        Response.Status.OK,
        Jsons.createObjectBuilder()
            .add("corpId", s.corpId())
            .add("agentId", s.agentId())
            .add("config", json(s.config()))
            .add("agentConfig", json(s.agentConfig())));
  }

  private static JsonObjectBuilder json(JsSdkSignature s) {
    return Jsons.createObjectBuilder()
        .add("timestamp", s.timestamp())
        .add("nonceStr", s.nonceStr())
        .add("signature", s.signature());
  }

  private static Response answer(Response.Status status, JsonObjectBuilder body) {
    return Response.status(status)
        .entity(body.build().toString())
        .header("Cache-Control", "no-store")
        .build();
  }
}
