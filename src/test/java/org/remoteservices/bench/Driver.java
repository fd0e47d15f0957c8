package org.remoteservices.bench;

/** Drives one complete lifecycle, number {@code n}, recording its calls' times in {@code samples}. */
interface Driver {
  void run(int n, Samples samples) throws Exception;
}
