package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.EnumSet;

/**
 * A picker chip in the form ({@code CLASS:J2401}) and back, read from the directory (never the
 * browser's label). Whether the chooser may pick it is the saving service's check, with its scope.
 */
@FacesConverter("wb.directoryHit")
public class DirectoryHitConverter implements Converter<Object> {

  @Override
  public Object getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return CDI.current()
        .select(DirectorySearch.class)
        .get()
        .find(value, PickScope.school(EnumSet.allOf(PickKind.class)))
        .orElseThrow(
            () ->
                new ConverterException(
                    new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        BundleText.text(
                            "i18n.directory", BundleText.viewLocale(), "picker.unknown"),
                        null)));
  }

  /**
   * A chip's form value; a posted value this converter refused ({@code CLASS:NOPE}) comes back as
   * that text when the page is shown again with its message (never a 500).
   */
  @Override
  public String getAsString(FacesContext context, UIComponent component, Object value) {
    if (value instanceof DirectoryHit hit) {
      return hit.id();
    }
    return value == null ? "" : String.valueOf(value);
  }
}
