package vn.bluezone.device.sim;

/** A point on the simulation plane, in metres. */
public record Position(double x, double y) {
    public double distanceTo(Position o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
