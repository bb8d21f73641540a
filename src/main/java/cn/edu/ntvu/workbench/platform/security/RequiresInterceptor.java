package cn.edu.ntvu.workbench.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.reflect.Method;

/**
 * Enforces {@link Requires}: the method's own annotation wins over the class's. Runs before every
 * other interceptor, transactions included, so a refused call opens no transaction and reads
 * nothing.
 */
@Requires
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class RequiresInterceptor implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Callers callers;

  @AroundInvoke
  public Object check(InvocationContext ctx) throws Exception {
    Requires rule = rule(ctx);
    if (rule != null && !isObjectMethod(ctx.getMethod())) {
      callers.require(
          rule.roles(),
          rule.kind(),
          ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName());
    }
    return ctx.proceed();
  }

  /**
   * Beans that read in their {@code @PostConstruct} (a page bean loading its list) are checked
   * before that read too: lifecycle callbacks are not business methods, so {@link #check} alone
   * would let them run.
   */
  @PostConstruct
  public void construct(InvocationContext ctx) throws Exception {
    Requires rule = classRule(ctx.getTarget() == null ? null : ctx.getTarget().getClass());
    if (rule != null) {
      callers.require(
          rule.roles(), rule.kind(), ctx.getTarget().getClass().getSimpleName() + " (construct)");
    }
    ctx.proceed();
  }

  private static Requires classRule(Class<?> start) {
    for (Class<?> c = start; c != null; c = c.getSuperclass()) {
      Requires onClass = c.getAnnotation(Requires.class);
      if (onClass != null) {
        return onClass;
      }
    }
    return null;
  }

  private static Requires rule(InvocationContext ctx) {
    Requires onMethod = ctx.getMethod().getAnnotation(Requires.class);
    if (onMethod != null) {
      return onMethod;
    }
    return classRule(
        ctx.getTarget() == null ? ctx.getMethod().getDeclaringClass() : ctx.getTarget().getClass());
  }

  /**
   * toString/hashCode/equals of a proxied bean are not actions (Faces and CDI call them
   * themselves).
   */
  private static boolean isObjectMethod(Method m) {
    return m.getDeclaringClass() == Object.class
        || (m.getName().equals("toString") && m.getParameterCount() == 0)
        || (m.getName().equals("hashCode") && m.getParameterCount() == 0)
        || (m.getName().equals("equals") && m.getParameterCount() == 1);
  }
}
