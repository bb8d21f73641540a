package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The contacts API on the application's one {@link WeComClient} (so tokens are cached and shared
 * between servers like the agents'), or empty when the contacts-sync secret is not configured.
 */
@ApplicationScoped
public class WeComContactsProvider {
  @Inject WeComClient client;

  @Inject ContactsSettings settings;

  private volatile WeComContacts contacts;

  public Optional<WeComContacts> get() {
    WeComContacts built = contacts;
    if (built == null) {
      Optional<WeComContacts> made =
          settings.contactsAgent().map(agent -> new WeComContacts(client, agent));
      if (made.isEmpty()) {
        return Optional.empty();
      }
      contacts = built = made.get();
    }
    return Optional.of(built);
  }
}
