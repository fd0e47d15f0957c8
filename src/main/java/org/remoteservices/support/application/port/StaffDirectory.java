package org.remoteservices.support.application.port;

import java.util.List;

/** The staff's e-mail addresses by group (for reminders and escalations to staff); implemented in adapter.camunda. */
public interface StaffDirectory {
  /** The e-mail addresses of the group's members that have one, in user id order. */
  List<String> emailsOf(String group);
}
