package cn.edu.ntvu.workbench.wecom.standin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP face of {@link StandInTickets}. Each is a root resource with its full path, so that it is matched before the
 * shorter {@code standin/wecom} of {@link WeComStandInResource} without touching that class. Development mode only.
 */
final class StandInTicketResources {
  private StandInTicketResources() {}

  /** {@code GET /rest/standin/wecom/cgi-bin/get_jsapi_ticket?access_token=…} */
  @Path("standin/wecom/cgi-bin/get_jsapi_ticket")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public static class CorpTicket {
    @Inject StandInTickets tickets;

    @Inject
    @ConfigProperty(name = "app.mode", defaultValue = "production")
    String appMode;

    @GET
    public String get(@QueryParam("access_token") String accessToken) {
      StandInRequests.requireDevMode(appMode);
      return tickets.corpTicket(accessToken).toString();
    }
  }

  /** {@code GET /rest/standin/wecom/cgi-bin/ticket/get?access_token=…&type=agent_config} */
  @Path("standin/wecom/cgi-bin/ticket/get")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public static class AgentTicket {
    @Inject StandInTickets tickets;

    @Inject
    @ConfigProperty(name = "app.mode", defaultValue = "production")
    String appMode;

    @GET
    public String get(@QueryParam("access_token") String accessToken, @QueryParam("type") String type) {
      StandInRequests.requireDevMode(appMode);
      return tickets.agentTicket(accessToken, type).toString();
    }
  }
}
