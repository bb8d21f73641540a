/**
 * The shared kernel "who is calling", used by every context: the signed-in person as the session
 * keeps them ({@link SignedInUser}) and as the route guard found them for this request ({@link
 * CurrentUser}, {@code #{me}}), the roles and kinds of person, the caller of a thread ({@link
 * Callers}: a person or the server itself), the service check {@link Requires} with its
 * interceptor, the servlets' check {@link ServletGuard} and the sign-out token. Values and checks
 * only: who a person is comes from the identity context.
 */
package cn.edu.ntvu.workbench.platform.security;
