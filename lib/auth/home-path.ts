// Where a signed-in person lands (issue 16 item 5): the home with their tasks, "Accueil".
// Sign-in, the logo and the default return path lead there.
export const HOME_PATH = "/accueil";
