package cn.edu.ntvu.workbench.wecom.domain;

import java.util.Optional;

/**
 * Who an OAuth code belongs to, as {@code auth/getuserinfo} says (docs/wecom-api.md §1.2). A member
 * of the school's corp comes back with a userid (our 学工号); anybody else comes back with an openid,
 * which must never be mistaken for a member with a missing userid.
 */
public sealed interface WeComIdentity {

  /**
   * A member of the corp.
   *
   * @param userid the WeCom userid (学工号); for linked corps it looks like {@code CorpId/userid}
   * @param userTicket present only with {@code snsapi_privateinfo} (valid 1800 s)
   */
  record Member(String userid, Optional<String> userTicket) implements WeComIdentity {
    public Member {
      if (userid == null || userid.isBlank()) {
        throw new IllegalArgumentException("userid is required");
      }
      userTicket = userTicket == null ? Optional.empty() : userTicket;
    }

    @Override
    public String toString() {
      return "Member[userid="
          + userid
          + ", userTicket="
          + (userTicket.isPresent() ? "***" : "none")
          + "]";
    }
  }

  /**
   * Not a member of the corp (for example a WeChat user who opened a shared link).
   *
   * @param externalUserid present only for a customer whose follower is in the agent's visible
   *     range
   */
  record NonMember(String openid, Optional<String> externalUserid) implements WeComIdentity {
    public NonMember {
      externalUserid = externalUserid == null ? Optional.empty() : externalUserid;
    }
  }
}
