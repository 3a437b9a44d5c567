package vn.bluezone.server.keys.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.server.keys.KeysProperties;

class ChaffResponderTest {
    private static final KeysProperties PROPS = new org.springframework.boot.context.properties.bind.Binder()
            .bindOrCreate("bluezone.keys", KeysProperties.class);

    private static int size(DiagnosisKeysResponse r) {
        return ChaffResponder.unpaddedSize(r) + r.padding().length();
    }

    private static DiagnosisKeysResponse real(ChaffResponder chaff, int keys, int rejected) {
        List<KeyResult> results = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            results.add(i < rejected ? KeyResult.rejected(i, vn.bluezone.api.ErrorCode.KEY_TOO_OLD)
                    : KeyResult.accepted(i));
        }
        return new DiagnosisKeysResponse(keys - rejected, results, chaff.padding());
    }

    @Test
    void chaffAnswersTakeTheSizesOfRecentRealAnswers() {
        ChaffResponder chaff = new ChaffResponder(new SecureRandom(), PROPS);
        Set<Integer> realSizes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            DiagnosisKeysResponse r = real(chaff, 14, i % 2 == 0 ? 0 : 2); // some real uploads had rejected keys
            chaff.recordRealSize(r);
            realSizes.add(size(r));
        }
        Set<Integer> chaffSizes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            DiagnosisKeysResponse fake = chaff.fakeResponse(14);
            assertThat(fake.insertedExposures()).isEqualTo(14);
            chaffSizes.add(size(fake));
        }
        // Every chaff answer has the size of one of the real ones, and over 200 draws all of them occur.
        assertThat(chaffSizes).isEqualTo(realSizes);
    }

    @Test
    void beforeAnyRealUploadThePaddingComesFromTheConfiguredRange() {
        ChaffResponder chaff = new ChaffResponder(new SecureRandom(), PROPS);
        DiagnosisKeysResponse fake = chaff.fakeResponse(3);
        int bytes = java.util.Base64.getDecoder().decode(fake.padding()).length;
        assertThat(bytes).isBetween(PROPS.submission().minPaddingBytes(), PROPS.submission().maxPaddingBytes());
    }
}
