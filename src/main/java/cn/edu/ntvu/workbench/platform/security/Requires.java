package cn.edu.ntvu.workbench.platform.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every business method of the annotated bean (or the annotated method) needs a caller ({@link
 * Callers}) who holds one of {@link #roles} (when any are named) and is of {@link #kind} (when one
 * is named); anyone else gets {@link AccessDenied} before the method runs. Put on the page beans of
 * role-scoped pages (the second of the three layers) and on the application services behind them
 * (the third), so that a page that forgets its guard still cannot change anything. Work the server
 * does by itself runs through {@link Callers#asSystem}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {
  /** Any one of these roles; none named: no role needed. */
  @Nonbinding
  Role[] roles() default {};

  /**
   * The person kind needed; {@code null} is not allowed in annotations, so STUDENT and STAFF or
   * none (empty).
   */
  @Nonbinding
  PersonKind[] kind() default {};
}
