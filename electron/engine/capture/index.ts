export * from './types';
export { readCapture } from './readCapture';
export { BlockType, blockTypeName, isEventBlock } from './blockTypes';
export { FdType } from './metadataBlocks';
