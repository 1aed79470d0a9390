import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { planInterfaceAddresses } from '@wake/services';

const run = promisify(execFile);

export interface ClusterIpInterfaceOptions {
  /** The dummy interface (default wake0). */
  readonly name?: string;
  readonly serviceCidr: string;
  /** How to run iproute2's `ip` (tests run it inside a network namespace of their own). */
  readonly ipCommand?: readonly string[];
  readonly log: (m: string) => void;
}

/**
 * Holds the ClusterIPs on a dummy interface, as kube-proxy's IPVS mode does on kube-ipvs0, so the
 * proxy can bind them on a real host whose service range is routable (on `lo` when the kernel has
 * no dummy driver). Created on first need; an
 * address is added before the proxy binds it and removed once no Service uses it. On a developer
 * machine (a loopback range) there is nothing to hold and this never touches the host.
 */
export class ClusterIpInterface {
  private name: string;
  private ready = false;

  constructor(private readonly o: ClusterIpInterfaceOptions) {
    this.name = o.name ?? 'wake0';
  }

  /** The interface holding the addresses (`lo` when the kernel has no dummy driver). */
  get interfaceName(): string {
    return this.name;
  }

  async sync(wanted: readonly string[]): Promise<void> {
    if (!wanted.length && !this.ready) return;
    await this.ensureLink();
    const plan = planInterfaceAddresses(await this.held(), wanted, this.o.serviceCidr);
    for (const ip of plan.add) await this.ip(['addr', 'add', `${ip}/32`, 'dev', this.name]);
    for (const ip of plan.remove) await this.ip(['addr', 'del', `${ip}/32`, 'dev', this.name]);
    if (plan.add.length || plan.remove.length) this.o.log(`${this.name}: +${plan.add.length} -${plan.remove.length} ClusterIPs`);
  }

  /** The IPv4 addresses on the interface now. */
  async held(): Promise<string[]> {
    const { stdout } = await this.ip(['-4', '-o', 'addr', 'show', 'dev', this.name]);
    return [...stdout.matchAll(/\binet (\d+\.\d+\.\d+\.\d+)\//g)].map((m) => m[1]);
  }

  private async ensureLink(): Promise<void> {
    if (this.ready) return;
    const exists = await this.ip(['link', 'show', this.name]).then(() => true, () => false);
    if (!exists) {
      try {
        await this.ip(['link', 'add', this.name, 'type', 'dummy']);
      } catch (e) {
        if (!/Unknown device type|not supported/i.test((e as Error).message)) throw e;
        // A kernel without the dummy driver (some VMs): /32s on lo are as local, and as bindable.
        this.o.log(`no dummy interface support in this kernel; ClusterIPs go on lo`);
        this.name = 'lo';
      }
    }
    await this.ip(['link', 'set', this.name, 'up']);
    this.ready = true;
  }

  private ip(args: readonly string[]) {
    const [cmd, ...pre] = this.o.ipCommand ?? ['ip'];
    return run(cmd, [...pre, ...args]).catch((e: Error & { stderr?: string }) => {
      throw new Error(`${[cmd, ...pre, ...args].join(' ')}: ${e.stderr?.trim() || e.message}`);
    });
  }
}
