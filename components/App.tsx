export function App() {
  return <main>Personal Token Companion</main>;
}
