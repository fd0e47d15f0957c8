package org.remoteservices.tasknotices.domain;

/** A staff account (Camunda identity user) with the address its task mails go to. */
public record StaffMember(String userId, String email) {}
