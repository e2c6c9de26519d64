// Every SDK the detector knows. Adding one is adding a table here.
import type { SdkSpec } from '../spec';
import { anthropic } from './anthropic';
import { cohere } from './cohere';
import { googleGenai, googleGenerativeAi } from './google';
import { instructor } from './instructor';
import { langchain } from './langchain';
import { litellm } from './litellm';
import { mistral } from './mistral';
import { ollama } from './ollama';
import { azureOpenAiLegacy, groq, openai, openaiEdge } from './openai';
import { vercelAi, vercelProviders } from './vercel';

export const SDKS: SdkSpec[] = [openai, openaiEdge, azureOpenAiLegacy, groq, anthropic, googleGenai, googleGenerativeAi, mistral, cohere, litellm, langchain,
  vercelAi, ...vercelProviders, instructor, ollama];
