package wasimoff.eval.testbed.hetzner.api;

/**
 * Filters for {@link HetznerClient#listImages(ImageQuery)}; each {@code null} filter is left out.
 *
 * @param name          exact image name, e.g. {@code "debian-12"}
 * @param type          {@code system}, {@code app}, {@code snapshot} or {@code backup}
 * @param architecture  {@code x86} or {@code arm}
 * @param labelSelector label selector, e.g. {@code "run=r1"}
 */
public record ImageQuery(String name, String type, String architecture, String labelSelector) {

    /** No filter: every image the project can see. */
    public static ImageQuery all() {
        return new ImageQuery(null, null, null, null);
    }

    /** Images with exactly this name (one per architecture). */
    public static ImageQuery named(String name) {
        return all().withName(name);
    }

    /** This query, restricted to the given name. */
    public ImageQuery withName(String value) {
        return new ImageQuery(value, type, architecture, labelSelector);
    }

    /** This query, restricted to the given type. */
    public ImageQuery withType(String value) {
        return new ImageQuery(name, value, architecture, labelSelector);
    }

    /** This query, restricted to the given architecture. */
    public ImageQuery withArchitecture(String value) {
        return new ImageQuery(name, type, value, labelSelector);
    }

    /** This query, restricted to images matching the label selector. */
    public ImageQuery withLabelSelector(String value) {
        return new ImageQuery(name, type, architecture, value);
    }
}
