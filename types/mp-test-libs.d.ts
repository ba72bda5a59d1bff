// Just enough typing for the mini-program component tests (tests/mp).
declare module 'j-component' {
  const jComponent: { register(definition: Record<string, unknown>): string }
  export default jComponent
}
