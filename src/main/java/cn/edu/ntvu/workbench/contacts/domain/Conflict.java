package cn.edu.ntvu.workbench.contacts.domain;

/**
 * Something found before anything is sent that WeCom would refuse or that would be wrong to send;
 * the person or department concerned is left out of the run until the directory is fixed. {@code
 * detail} is a value to show beside the kind's text (a masked mobile, the other account, a length),
 * never a full mobile number.
 */
public record Conflict(Target target, String key, String label, Kind kind, String detail) {

  public enum Kind {
    /** Two or more people share one mobile number (WeCom: mobile unique in the corp, §6.2). */
    DUPLICATE_MOBILE,
    /** Not a valid Chinese mobile number. */
    INVALID_MOBILE,
    /** No mobile number: the person could not join WeCom with a bound number. */
    MISSING_MOBILE,
    /**
     * The account is not a userid WeCom accepts (1–64 bytes, [0-9a-zA-Z_-@.], starting with a
     * letter or digit).
     */
    INVALID_USERID,
    /** Two accounts that differ only in case (WeCom checks userids case-insensitively). */
    DUPLICATE_USERID,
    /** The name is empty or longer than 64 characters. */
    INVALID_NAME,
    /** The person has neither department nor class. */
    NO_DEPARTMENT,
    /** The person's department is not in the directory, or is itself in conflict. */
    DEPARTMENT_UNUSABLE,
    /** The department is its own ancestor. */
    DEPARTMENT_CYCLE,
    /** The department's parent is not in the directory. */
    DEPARTMENT_PARENT_MISSING
  }
}
