export * from './types';
export { readCapture } from './readCapture';
export { BlockType, blockTypeName, isEventBlock } from './blockTypes';
export { FdType } from './metadataBlocks';
export * from './params';
export { LayoutUpgrader, type UpgradeStats } from './upgradeLayout';
export { captureCensus, formatUtcNs, type CaptureCensus } from './captureCensus';
