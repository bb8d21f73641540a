package cn.edu.ntvu.workbench.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read record components as properties ({@code #{block.course}}), as Jakarta EL 6 will:
 * EL 5 sees no bean properties on records, and the method-call form ({@code #{block.course()}})
 * looks the method up by reflection on every evaluation, which a grid of a hundred cells feels.
 * Accessors are looked up once per record class.
 */
public class RecordELResolver extends ELResolver {
  private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

  private static Method accessor(Object base, Object property) {
    if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
      return null;
    }
    return ACCESSORS.computeIfAbsent(base.getClass(), RecordELResolver::accessorsOf).get(name);
  }

  private static Map<String, Method> accessorsOf(Class<?> type) {
    Map<String, Method> out = new ConcurrentHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Method m = c.getAccessor();
      m.setAccessible(true); // records nested in non-public classes
      out.put(c.getName(), m);
    }
    return out;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Method m = accessor(base, property);
    if (m == null) {
      return null;
    }
    try {
      Object value = m.invoke(base);
      context.setPropertyResolved(base, property);
      return value;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new jakarta.el.ELException(e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Method m = accessor(base, property);
    if (m == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    return null; // read-only
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property) != null) {
      throw new PropertyNotWritableException(String.valueOf(property));
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && base.getClass().isRecord() ? String.class : null;
  }
}
