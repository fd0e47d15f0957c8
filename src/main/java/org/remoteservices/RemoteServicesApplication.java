package org.remoteservices;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Remote Services Orchestrator: the remote-support lifecycle and privacy requests on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RemoteServicesApplication {
  public static void main(String[] args) {
    SpringApplication.run(RemoteServicesApplication.class, args);
  }
}
