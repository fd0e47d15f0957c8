package org.remoteservices.shared.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A handler for staff only: HTTP Basic against Camunda's users, and membership of one of these groups. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StaffOnly {
  String[] value() default {Groups.OPERATORS, Groups.ADMINS};
}
