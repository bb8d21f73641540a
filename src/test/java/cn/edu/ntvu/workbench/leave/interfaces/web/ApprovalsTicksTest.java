package cn.edu.ntvu.workbench.leave.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 待我审批's plain check boxes: what {@link ApprovalsBean#tickedIn} reads from a post. */
class ApprovalsTicksTest {
  @Test
  void onlyWellFormedTicksAreRead() {
    Map<String, String[]> post = new LinkedHashMap<>();
    post.put("tick-42", new String[] {"on"});
    post.put("tick-7", new String[] {"on"});
    post.put("tick-7x", new String[] {"on"});
    post.put("tick-", new String[] {"on"});
    post.put("tick-99999999999999999999", new String[] {"on"});
    post.put("tick-5", new String[] {});
    post.put("approve-one-3", new String[] {"同意"});
    post.put("jakarta.faces.ViewState", new String[] {"x"});
    assertThat(ApprovalsBean.tickedIn(post)).isEqualTo(List.of(7L, 42L));
  }

  @Test
  void nothingTickedIsEmpty() {
    assertThat(ApprovalsBean.tickedIn(Map.of("approve-ticked", new String[] {"批量同意"}))).isEmpty();
  }
}
