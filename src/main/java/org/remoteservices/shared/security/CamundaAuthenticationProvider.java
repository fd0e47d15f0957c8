package org.remoteservices.shared.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Spring Security's HTTP Basic logins against Camunda's identity service, through the login throttle
 * ({@link CamundaPasswords}). The authorities are the user's Camunda group ids; the principal is a
 * {@link StaffUser}, which {@link EngineAuthenticationFilter} makes the engine's authenticated user.
 */
public class CamundaAuthenticationProvider implements AuthenticationProvider {
  private final CamundaPasswords passwords;

  public CamundaAuthenticationProvider(CamundaPasswords passwords) {
    this.passwords = passwords;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    Object credentials = authentication.getCredentials();
    StaffUser user;
    try {
      user = passwords.login(address, authentication.getName(), credentials == null ? null : credentials.toString());
    } catch (LoginThrottle.Throttled e) {
      throw new LoginThrottledException(e.retryAfterSeconds());
    }
    if (user == null) {
      throw new BadCredentialsException("wrong user or password");
    }
    List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
    UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    result.setDetails(authentication.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The address or the account has to wait: 429 with Retry-After, the password unchecked. */
  public static class LoginThrottledException extends AuthenticationException {
    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
      super("too many failed logins; try again in " + retryAfterSeconds + " seconds");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
