package vn.bluezone.server.campaign.place;

import java.util.Objects;

/**
 * What a poster says about its place.
 *
 * @param placeName  the place as people know it ("Chợ Quảng Ngạn")
 * @param kind       kind of place
 * @param areaLabel  where it is ("Thôn Hà Lạc, Xã Quảng Ngạn"), may be blank
 * @param placeCode  the code carried by the install link, printed so a person can type it
 * @param installUrl the install page the QR code opens, {@code <base>/i/{placeCode}}
 * @param issuer     who puts the poster up ("UBND xã Quảng Ngạn"), may be blank
 * @param qrContent  what the QR code encodes (the install URL unless a caller builds more, see {@link PlaceLinks})
 */
public record PosterContent(String placeName, PlaceKind kind, String areaLabel, String placeCode, String installUrl,
        String issuer, String qrContent) {
    public PosterContent(String placeName, PlaceKind kind, String areaLabel, String placeCode, String installUrl,
            String issuer) {
        this(placeName, kind, areaLabel, placeCode, installUrl, issuer, installUrl);
    }

    public PosterContent {
        Objects.requireNonNull(placeName, "placeName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placeCode, "placeCode");
        Objects.requireNonNull(installUrl, "installUrl");
        areaLabel = areaLabel == null ? "" : areaLabel;
        issuer = issuer == null ? "" : issuer;
        qrContent = qrContent == null ? installUrl : qrContent;
    }
}
