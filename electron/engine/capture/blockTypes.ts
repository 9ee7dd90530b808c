/** Block type ids of the scap format (scap-file-format.md §3), current and legacy. */
export const BlockType = {
  SECTION_HEADER: 0x0a0d0d0a,
  MACHINE_INFO: 0x201, MACHINE_INFO_LEGACY: 0x8002abcd,
  PROC_LIST_V1: 0x202, PROC_LIST_V1_LEGACY: 0x8000abcd,
  PROC_LIST_V2: 0x207, PROC_LIST_V2_LEGACY: 0x8013abcd,
  PROC_LIST_V3: 0x209, PROC_LIST_V3_LEGACY: 0x8014abcd,
  PROC_LIST_V4: 0x210, PROC_LIST_V5: 0x211, PROC_LIST_V6: 0x212, PROC_LIST_V7: 0x213,
  PROC_LIST_V8: 0x214, PROC_LIST_V9: 0x215,
  FD_LIST: 0x203, FD_LIST_LEGACY: 0x8001abcd, FD_LIST_V2: 0x218,
  EVENT: 0x204, EVENT_LEGACY: 0x8010abcd, EVENT_V2: 0x216, EVENT_V2_LARGE: 0x221,
  EVENT_FLAGS: 0x208, EVENT_FLAGS_V2: 0x217, EVENT_FLAGS_V2_LARGE: 0x222,
  IFACE_LIST: 0x205, IFACE_LIST_LEGACY: 0x8011abcd, IFACE_LIST_V2: 0x219,
  USER_LIST: 0x206, USER_LIST_LEGACY: 0x8012abcd, USER_LIST_V2: 0x220,
} as const;

const B = BlockType;

/** Process-list block version (1..9), or 0 if the id is not a process list. */
export function procListVersion(type: number): number {
  switch (type) {
    case B.PROC_LIST_V1: case B.PROC_LIST_V1_LEGACY: return 1;
    case B.PROC_LIST_V2: case B.PROC_LIST_V2_LEGACY: return 2;
    case B.PROC_LIST_V3: case B.PROC_LIST_V3_LEGACY: return 3;
    case B.PROC_LIST_V4: return 4;
    case B.PROC_LIST_V5: return 5;
    case B.PROC_LIST_V6: return 6;
    case B.PROC_LIST_V7: return 7;
    case B.PROC_LIST_V8: return 8;
    case B.PROC_LIST_V9: return 9;
    default: return 0;
  }
}

export function isEventBlock(type: number): boolean {
  return type === B.EVENT_V2 || type === B.EVENT || type === B.EVENT_V2_LARGE || type === B.EVENT_FLAGS_V2
    || type === B.EVENT_FLAGS || type === B.EVENT_FLAGS_V2_LARGE || type === B.EVENT_LEGACY;
}

/** Event blocks that carry 4 bytes of flags between the cpu id and the event header (EVF, EVF_V2, EVF_V2_LARGE). */
export function hasEventFlags(type: number): boolean {
  return type === B.EVENT_FLAGS || type === B.EVENT_FLAGS_V2 || type === B.EVENT_FLAGS_V2_LARGE;
}

/** Short names as the format document and MANIFEST use them (MI, PL_V9, EV_V2, ...). */
export function blockTypeName(type: number): string {
  const v = procListVersion(type);
  if (v) return v === 1 ? 'PL' : `PL_V${v}`;
  switch (type) {
    case B.SECTION_HEADER: return 'SHB';
    case B.MACHINE_INFO: case B.MACHINE_INFO_LEGACY: return 'MI';
    case B.FD_LIST: case B.FD_LIST_LEGACY: return 'FDL';
    case B.FD_LIST_V2: return 'FDL_V2';
    case B.EVENT: case B.EVENT_LEGACY: return 'EV';
    case B.EVENT_V2: return 'EV_V2';
    case B.EVENT_V2_LARGE: return 'EV_V2_LARGE';
    case B.EVENT_FLAGS: return 'EVF';
    case B.EVENT_FLAGS_V2: return 'EVF_V2';
    case B.EVENT_FLAGS_V2_LARGE: return 'EVF_V2_LARGE';
    case B.IFACE_LIST: case B.IFACE_LIST_LEGACY: return 'IL';
    case B.IFACE_LIST_V2: return 'IL_V2';
    case B.USER_LIST: case B.USER_LIST_LEGACY: return 'UL';
    case B.USER_LIST_V2: return 'UL_V2';
    default: return `0x${type.toString(16)}`;
  }
}
