package org.remoteservices.support.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.web.PlainText;
import org.remoteservices.support.application.SurveyService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's survey link: one answer, a 1-5 rating and an optional comment. */
@RestController
@RequestMapping("/api/surveys/{token}")
@PublicEndpoint
public class SurveyController {
  private final SurveyService surveys;

  public SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @GetMapping
  public SurveyService.SurveyView view(@PathVariable String token) {
    return surveys.view(token);
  }

  public record Answer(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) @PlainText(multiline = true) String comment) {
    @Override
    public String toString() { // Spring logs request bodies at DEBUG
      return "Answer[rating=" + rating + ", comment not shown]";
    }
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> answer(@PathVariable String token, @Valid @RequestBody Answer body) {
    String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
    surveys.answer(token, body.rating(), comment);
    return ResponseEntity.status(201).body(Map.of("status", "ANSWERED"));
  }
}
