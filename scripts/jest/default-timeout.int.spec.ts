// The int project's default timeout (jest.config.js) reaches tests that set none of their own:
// this one outlives Jest's built-in 5 s default and must still pass.
it('gives a test without its own timeout the project default, not 5 s', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5_500));
});
