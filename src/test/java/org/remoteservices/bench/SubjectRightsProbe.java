package org.remoteservices.bench;

/**
 * The privacy operations the scale benchmark times once they exist (issue 3): erase one subject, answer one access
 * request, each for a subject found by e-mail address among N generated ones. Until the privacy feature is merged the
 * benchmark uses {@link #NOT_YET_AVAILABLE}; afterwards an implementation calls the privacy use cases through
 * {@code app.bean(...)} (or their API) and returns when the work is done, and {@link ScaleBench#probe} picks it up.
 */
public interface SubjectRightsProbe {
  /** Erases everything about the subject; returns a short description of what was erased (for the report). */
  String erase(AppUnderTest app, String email) throws Exception;

  /** Builds the subject's access-request answer; returns its size or a short description. */
  String access(AppUnderTest app, String email) throws Exception;

  boolean available();

  SubjectRightsProbe NOT_YET_AVAILABLE = new SubjectRightsProbe() {
    @Override
    public String erase(AppUnderTest app, String email) {
      return "n/a";
    }

    @Override
    public String access(AppUnderTest app, String email) {
      return "n/a";
    }

    @Override
    public boolean available() {
      return false;
    }
  };
}
