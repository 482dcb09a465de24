/**
 * A small client for the Hetzner Cloud API v1 ({@code https://api.hetzner.cloud/v1}), built on OkHttp and
 * Jackson, for the Hetzner testbed: it lists locations, server types with prices and images, manages SSH keys,
 * servers and firewalls, and waits for actions.
 *
 * <p>{@link wasimoff.eval.testbed.hetzner.api.HetznerClient} is the entry point. Records named after Hetzner's
 * concepts ({@link wasimoff.eval.testbed.hetzner.api.Server}, {@link wasimoff.eval.testbed.hetzner.api.Action},
 * ...) carry the JSON; unknown fields are ignored and enum-like values stay strings, because Hetzner adds both
 * without notice. Failed calls throw {@link wasimoff.eval.testbed.hetzner.api.HetznerApiException}. The API token
 * ({@link wasimoff.eval.testbed.hetzner.api.HetznerToken}) is never logged or put into a message.
 *
 * <p>Unless a method says otherwise, parameters must not be {@code null}, returned values are never
 * {@code null}, and lists and maps in records are immutable and never {@code null} (possibly empty).
 */
package wasimoff.eval.testbed.hetzner.api;
