package vn.bluezone.protocol.risk;

/**
 * A risk configuration that cannot be used: bad JSON, a missing or unknown field, or a value out of bounds.
 * The message names the field (as a JSON path such as {@code attenuationWeights.near}) and the bound, so that it
 * can be shown to an operator as it is.
 */
public class RiskConfigurationException extends IllegalArgumentException {
    public RiskConfigurationException(String message) {
        super(message);
    }
}
