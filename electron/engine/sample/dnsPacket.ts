/**
 * DNS messages as they travel in the sample's UDP payloads (RFC 1035): a query for one name and
 * the resolver's answer — NXDOMAIN with the zone's SOA while the upstream Service does not exist,
 * one A record once it does.
 */
export const DnsType = { A: 1, SOA: 6, AAAA: 28 } as const;

class Packet {
  private readonly bytes: number[] = [];
  u8(v: number): void { this.bytes.push(v & 0xff); }
  u16(v: number): void { this.bytes.push((v >> 8) & 0xff, v & 0xff); }
  u32(v: number): void { this.u16((v >>> 16) & 0xffff); this.u16(v & 0xffff); }
  name(fqdn: string): void {
    for (const label of fqdn.split('.').filter(Boolean)) {
      this.u8(label.length);
      for (let i = 0; i < label.length; i++) this.u8(label.charCodeAt(i));
    }
    this.u8(0);
  }
  /** Writes a placeholder u16 and returns a function that fills it with the bytes written since. */
  lengthMark(): () => void {
    const at = this.bytes.length;
    this.u16(0);
    return () => {
      const n = this.bytes.length - at - 2;
      this.bytes[at] = (n >> 8) & 0xff;
      this.bytes[at + 1] = n & 0xff;
    };
  }
  done(): Uint8Array { return Uint8Array.from(this.bytes); }
}

export function dnsQuery(id: number, name: string, qtype: number): Uint8Array {
  const p = new Packet();
  p.u16(id); p.u16(0x0100); // standard query, recursion desired
  p.u16(1); p.u16(0); p.u16(0); p.u16(0);
  p.name(name); p.u16(qtype); p.u16(1);
  return p.done();
}

/**
 * An answer without records: NXDOMAIN (the name does not exist) or, with `nodata`, NOERROR for
 * a name that exists but has no record of that type. The zone's SOA goes in the authority.
 */
export function dnsNoAnswer(id: number, name: string, qtype: number, zone: string, nodata = false): Uint8Array {
  const p = new Packet();
  p.u16(id); p.u16(nodata ? 0x8580 : 0x8183); // response, RD, RA; rcode 0 or 3 (NXDOMAIN)
  p.u16(1); p.u16(0); p.u16(1); p.u16(0);
  p.name(name); p.u16(qtype); p.u16(1);
  p.name(zone); p.u16(DnsType.SOA); p.u16(1); p.u32(30);
  const end = p.lengthMark();
  p.name(`ns.dns.${zone}`); p.name(`hostmaster.${zone}`);
  p.u32(1710230400); p.u32(7200); p.u32(1800); p.u32(86400); p.u32(30);
  end();
  return p.done();
}

export function dnsAnswerA(id: number, name: string, addr: readonly number[], ttl: number): Uint8Array {
  const p = new Packet();
  p.u16(id); p.u16(0x8580); // response, authoritative, RD, RA, no error
  p.u16(1); p.u16(1); p.u16(0); p.u16(0);
  p.name(name); p.u16(DnsType.A); p.u16(1);
  p.u16(0xc00c); p.u16(DnsType.A); p.u16(1); p.u32(ttl); // name: pointer to the question
  p.u16(4); for (const b of addr) p.u8(b);
  return p.done();
}
