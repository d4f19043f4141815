package io.deskpulse.kubernetes;

/** A kustomization this renderer cannot render faithfully, or one that real Kustomize would refuse too. */
public class KustomizeException extends RuntimeException {

    public KustomizeException(String message) {
        super(message);
    }
}
