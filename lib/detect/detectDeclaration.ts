export function detectDeclaration(): void {}
