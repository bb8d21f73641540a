package cn.edu.ntvu.standin.cas;

import cn.edu.ntvu.standin.Pages;
import cn.edu.ntvu.standin.school.School;
import cn.edu.ntvu.standin.school.SchoolPeople;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /cas/p3/serviceValidate} (CAS 3.0) and {@code /cas/serviceValidate} (2.0): the ticket's
 * account as {@code <cas:user>}, with {@code displayName} when the school knows the person (the app
 * needs no attribute: the principal id identifies the person), or {@code <cas:authenticationFailure
 * code="…">}, always HTTP 200 as CAS answers.
 */
@WebServlet({"/cas/p3/serviceValidate", "/cas/serviceValidate"})
public class CasValidateServlet extends HttpServlet {
  @Inject CasTickets tickets;
  @Inject SchoolPeople school;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    CasTickets.Validation v =
        tickets.validate(req.getParameter("ticket"), req.getParameter("service"));
    StringBuilder xml =
        new StringBuilder("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n");
    if (v instanceof CasTickets.Validation.Valid valid) {
      xml.append("  <cas:authenticationSuccess>\n    <cas:user>")
          .append(Pages.esc(valid.account()))
          .append("</cas:user>\n");
      Optional<School.Person> person = school.school().person(valid.account());
      if (person.isPresent()) {
        xml.append("    <cas:attributes>\n      <cas:displayName>")
            .append(Pages.esc(person.get().name()))
            .append("</cas:displayName>\n    </cas:attributes>\n");
      }
      xml.append("  </cas:authenticationSuccess>\n");
    } else if (v instanceof CasTickets.Validation.Invalid invalid) {
      xml.append("  <cas:authenticationFailure code=\"")
          .append(invalid.code())
          .append("\">")
          .append(Pages.esc(invalid.reason()))
          .append("</cas:authenticationFailure>\n");
    }
    xml.append("</cas:serviceResponse>\n");
    res.setContentType("application/xml;charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(xml.toString());
  }
}
