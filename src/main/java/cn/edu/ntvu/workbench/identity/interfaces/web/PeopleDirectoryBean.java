package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueryService;
import cn.edu.ntvu.workbench.identity.application.PersonListItem;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /admin/directory/people.xhtml}: the directory a page at a time, searchable, mobiles
 * masked.
 */
@Requires(roles = Role.ADMIN)
@Named("peopleDirectory")
@ViewScoped
public class PeopleDirectoryBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject DirectoryQueryService directory;

  private String search = "";
  private LazyDataModel<PersonListItem> people;

  @PostConstruct
  void init() {
    people = new PeopleModel();
  }

  public LazyDataModel<PersonListItem> getPeople() {
    return people;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search == null ? "" : search.strip();
  }

  /** Loads pages of the list on demand; the search box narrows it by account or name prefix. */
  private final class PeopleModel extends LazyDataModel<PersonListItem> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, directory.countPeople(search));
    }

    @Override
    public List<PersonListItem> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
      String field = sort == null ? "account" : sort.getField();
      boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
      return directory.findPeople(search, first, pageSize, field, ascending);
    }

    @Override
    public String getRowKey(PersonListItem item) {
      return item.account();
    }
  }
}
