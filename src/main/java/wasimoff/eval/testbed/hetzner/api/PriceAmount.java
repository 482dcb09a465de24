package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * One price in EUR as Hetzner states it: without VAT ({@code net}) and with VAT ({@code gross}). Hetzner sends
 * decimal strings of varying precision; they are kept exact.
 *
 * @param net   price excluding VAT
 * @param gross price including VAT
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceAmount(BigDecimal net, BigDecimal gross) {
}
