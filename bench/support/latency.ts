import * as hdr from 'hdr-histogram-js';

/** Latencies in microseconds, recorded into an HDR histogram (3 significant digits, up to 60 s). */
export class Latency {
  readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });

  record(micros: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(micros)));
  }

  add(other: Latency): void {
    this.histogram.add(other.histogram);
  }

  /** A percentile in milliseconds. */
  ms(percentile: number): number {
    return this.histogram.getValueAtPercentile(percentile) / 1000;
  }

  get count(): number {
    return this.histogram.totalCount;
  }
}
